package org.shortwave.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page buffer's UTF-8 encoder writes what {@code String.getBytes(UTF_8)} makes, however the text is cut up. */
class Utf8WriterTest {

    private static byte[] written(String... parts) {
        Utf8Writer utf8 = new Utf8Writer(4);
        PrintWriter writer = new PrintWriter(utf8);
        for (String part : parts) {
            writer.write(part);
        }
        writer.flush();
        return utf8.toByteArray();
    }

    @Test
    void everyScriptAndEveryPlaneIsEncodedAsTheJdkDoes() {
        String text = "<p class=\"x\">Short wave 短波 廣播 رادیو موج کوتاه Ωμέγα café 📻𝄞 end</p>";
        assertThat(written(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(written("📻".substring(0, 1), "📻".substring(1))).as("a pair split between writes")
                .isEqualTo("📻".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarks() {
        for (String text : new String[] {"a\uD83Db", "a\uDCFBb", "\uD83D", "\uDCFB\uD83D", "x\uD83D\uD83D\uDCFB"}) {
            assertThat(written(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(written("a\uD83D", "b")).isEqualTo("a\uD83Db".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void randomTextCutAnywhereMatches() {
        Random random = new Random(7);
        char[] alphabet = "ab<>&\"' é߷中文한글\uD83D\uDCFB\uD83D\uDC4D\uD800\uDFFF".toCharArray();
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(5000);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String whole = text.toString();
            int cut = length == 0 ? 0 : random.nextInt(length);
            assertThat(written(whole.substring(0, cut), whole.substring(cut)))
                    .isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
        }
    }
}
