package com.paystatus.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelService;
import com.paystatus.notice.Estimate;
import com.paystatus.notice.NoticeDraft;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeService;
import com.paystatus.notice.UpdateDraft;
import com.paystatus.support.FullAppTest;
import com.paystatus.support.HttpTestBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An update to an open notice is the write an outage repeats most: it is put into the last read
 * instead of reading everything again, and the public sees exactly what a full read would show. The
 * board shows the latest few updates of each notice, so that it does not grow with the outage.
 */
@FullAppTest
class SnapshotUpdatesTest extends HttpTestBase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    ChannelService channels;

    @Autowired
    NoticeService notices;

    @Autowired
    StatusSnapshots snapshots;

    @Test
    void anUpdateToAnOpenNoticeShowsAtOnceAsAFullReadWouldShowIt() {
        String slug = channel();
        NoticeRecord notice = post(slug);
        try {
            long reads = snapshots.fullReads();
            notices.postUpdate(notice.id(), new UpdateDraft("identified", "已定位：银行接口超时", Estimate.UNKNOWN, null), "ops");

            StatusSnapshot applied = snapshots.current();
            assertThat(snapshots.fullReads()).as("nothing read again").isEqualTo(reads);
            assertThat(applied.notice(notice.id()).orElseThrow().updates())
                    .extracting(NoticeRecord.Update::message)
                    .containsExactly("已定位：银行接口超时", "排查中");
            assertThat(applied.channel(slug).orElseThrow().cause().updates()).hasSize(2);

            StatusSnapshot read = snapshots.rebuild();
            assertThat(read.revision()).isEqualTo(applied.revision());
            assertThat(applied)
                    .usingRecursiveComparison()
                    // the record of the event is made before the row's version moves; no public page reads it
                    .ignoringFieldsMatchingRegexes(".*version", "builtAt")
                    .isEqualTo(read);
        } finally {
            resolve(notice);
        }
    }

    @Test
    void resolvingOrChangingChannelsReadsEverythingAgain() {
        String slug = channel();
        NoticeRecord notice = post(slug);
        long reads = snapshots.fullReads();
        resolve(notice);

        assertThat(snapshots.fullReads()).isGreaterThan(reads);
        assertThat(snapshots.current().channel(slug).orElseThrow().isAvailable())
                .isTrue();
        assertThat(snapshots.current().openNotices())
                .extracting(NoticeRecord::id)
                .doesNotContain(notice.id());
    }

    @Test
    void theBoardShowsTheLatestUpdatesOfANoticeAndItsPageShowsThemAll() {
        String slug = channel();
        NoticeRecord notice = post(slug);
        try {
            for (int i = 1; i <= 7; i++) {
                notices.postUpdate(
                        notice.id(), new UpdateDraft("identified", "第 " + i + " 次进展", Estimate.UNKNOWN, null), "ops");
            }
            String board = http.get("/").body();
            assertThat(board).contains("第 7 次进展", "第 3 次进展").doesNotContain("第 2 次进展", "第 1 次进展");
            assertThat(http.get("/notices/" + notice.id()).body()).contains("第 7 次进展", "第 1 次进展", "排查中");
        } finally {
            resolve(notice);
        }
    }

    private String channel() {
        String slug = "snapshot-updates-" + SEQUENCE.incrementAndGet();
        channels.create(
                slug, new ChannelDetails("测试 " + slug, "Test " + slug, "", "", "测试", "Tests", 90, List.of()), "ops");
        return slug;
    }

    private NoticeRecord post(String slug) {
        return notices.post(
                new NoticeDraft("增量快照", "fault", "排查中", Map.of(slug, "unavailable"), null, Estimate.UNKNOWN), "ops");
    }

    private void resolve(NoticeRecord notice) {
        notices.postUpdate(notice.id(), new UpdateDraft("resolved", "已恢复", null, null), "ops");
    }
}
