package org.shortwave.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.shortwave.AppTestBase;
import org.shortwave.Await;
import org.shortwave.content.ChangeKind;
import org.shortwave.content.ChangeListenerOrder;
import org.shortwave.content.ChangeLog;
import org.shortwave.content.ContentChanged;
import org.shortwave.i18n.Editions;
import org.shortwave.operations.ChangeFeedProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order of the change feed's listeners ({@link ChangeListenerOrder}), for the case that once went wrong: an
 * edition renamed on another node. A page requested right after this node's eviction, before the later listeners
 * ran, must show the new name, and what the page cache keeps must not be the old one. (With the editions reloaded
 * after the eviction, as before, the probe's page showed the old name and stayed stored until its time to live.)
 */
class EditionChangeOrderIT extends AppTestBase {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    Editions editions;
    @Autowired
    ChangeFeedProgress progress;
    @Autowired
    TransactionTemplate transaction;

    /** Requests the edition's home page just after the eviction of an edition change, and keeps its site name. */
    final class Probe implements ApplicationListener<ApplicationEvent>, Ordered {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof ContentChanged change
                    && change.kind() == ChangeKind.EDITION_CHANGED && "en".equals(change.editionCode())) {
                seen.add(brand());
            }
        }

        @Override
        public int getOrder() {
            return ChangeListenerOrder.EVICTION + 1;
        }
    }

    private String brand() {
        return Jsoup.parse(get("/en/").body()).select(".brand a").text();
    }

    @Test
    void aPageRenderedRightAfterAnEditionChangesEvictionShowsTheNewEditionAndIsKeptSo() {
        String before = editions.find("en").orElseThrow().siteName();
        assertThat(brand()).isEqualTo(before); // stored in the page cache as it is now
        Probe probe = new Probe();
        context.addApplicationListener(probe);
        try {
            long seq = renameOnAnotherNode(before + " (renamed)");
            Await.until(() -> progress.lag().deliveredSeq() >= seq, "the change feed to deliver change " + seq);

            assertThat(probe.seen).containsExactly(before + " (renamed)");
            assertThat(brand()).isEqualTo(before + " (renamed)");
        } finally {
            context.removeApplicationListener(probe);
            long seq = renameOnAnotherNode(before);
            Await.until(() -> progress.lag().deliveredSeq() >= seq, "the change feed to deliver change " + seq);
        }
        assertThat(brand()).isEqualTo(before);
    }

    /** As another node does it: the row and the change log, and no reload of this node's editions. */
    private long renameOnAnotherNode(String siteName) {
        return transaction.execute(status -> {
            jdbc.sql("update edition set site_name = ? where code = 'en'").param(siteName).update();
            return changeLog.record(ChangeKind.EDITION_CHANGED, null, "en");
        });
    }
}
