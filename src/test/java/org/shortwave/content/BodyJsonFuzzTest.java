package org.shortwave.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * The block validator on arbitrary input: it either refuses with {@link InvalidBodyException} (a 4xx for the
 * caller) or accepts blocks that survive a write and a re-read unchanged. Anything else thrown is a bug.
 */
class BodyJsonFuzzTest {

    @FuzzTest
    void readsOrRefuses(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        List<Block> blocks;
        try {
            blocks = BodyJson.read(json);
        } catch (InvalidBodyException refused) {
            return;
        }
        assertThat(blocks.size()).isLessThanOrEqualTo(BodyJson.MAX_BLOCKS);
        assertThat(BodyJson.read(BodyJson.write(blocks))).isEqualTo(blocks);
    }
}
