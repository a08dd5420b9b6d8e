package com.paystatus.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.ConflictException;
import com.paystatus.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final Map<Long, ChannelState> FENFU_DOWN = Map.of(1L, ChannelState.UNAVAILABLE);

    private static Notice fault(Instant eta) {
        return Notice.post("分付暂不能使用", NoticeKind.FAULT, FENFU_DOWN, null, "正在排查", Estimate.at(eta), NOW, "ops");
    }

    private static String fieldsOf(InvalidInputException e) {
        return e.violations().stream()
                .map(v -> v.field() + ":" + v.messageKey())
                .toList()
                .toString();
    }

    @Test
    void aNewNoticeStartsInvestigatingWithItsFirstEstimateInTheTimeline() {
        Instant eta = NOW.plus(Duration.ofHours(2));
        NoticeRecord notice = fault(eta).toRecord(Map.of(1L, "fenfu-online"));

        assertThat(notice.status()).isEqualTo(NoticeStatus.INVESTIGATING);
        assertThat(notice.estimatedRecoveryAt()).isEqualTo(eta);
        assertThat(notice.channels()).containsEntry("fenfu-online", ChannelState.UNAVAILABLE);
        assertThat(notice.updates()).singleElement().satisfies(u -> {
            assertThat(u.message()).isEqualTo("正在排查");
            assertThat(u.estimatedRecoveryAt()).isEqualTo(eta);
        });
    }

    @Test
    void everyRevisedEstimateIsKeptNewestFirst() {
        Notice notice = fault(NOW.plus(Duration.ofHours(2)));
        notice.postUpdate(NoticeStatus.IDENTIFIED, "已定位", Estimate.UNKNOWN, NOW.plusSeconds(60), "ops");
        notice.postUpdate(
                NoticeStatus.MONITORING,
                "已修复",
                Estimate.at(NOW.plus(Duration.ofHours(1))),
                NOW.plusSeconds(120),
                "ops");

        NoticeRecord record = notice.toRecord(Map.of());
        assertThat(record.estimatedRecoveryAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(record.updates())
                .extracting(NoticeRecord.Update::estimatedRecoveryAt)
                .containsExactly(NOW.plus(Duration.ofHours(1)), null, NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void resolvingClearsTheEstimateAndRecordsWhen() {
        Notice notice = fault(NOW.plus(Duration.ofHours(2)));
        Instant later = NOW.plus(Duration.ofMinutes(30));
        notice.postUpdate(NoticeStatus.RESOLVED, "已恢复", Estimate.at(NOW.plus(Duration.ofHours(5))), later, "ops");

        NoticeRecord record = notice.toRecord(Map.of());
        assertThat(record.isOpen()).isFalse();
        assertThat(record.resolvedAt()).isEqualTo(later);
        assertThat(record.estimatedRecoveryAt()).isNull();
    }

    @Test
    void aResolvedNoticeTakesNoMoreUpdates() {
        Notice notice = fault(null);
        notice.postUpdate(NoticeStatus.RESOLVED, "已恢复", null, NOW.plusSeconds(60), "ops");

        assertThatThrownBy(() -> notice.postUpdate(
                        NoticeStatus.INVESTIGATING, "又坏了", Estimate.UNKNOWN, NOW.plusSeconds(120), "ops"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> notice.postUpdate(NoticeStatus.RESOLVED, "再次恢复", null, NOW.plusSeconds(120), "ops"))
                .isInstanceOf(ConflictException.class);
        assertThat(notice.toRecord(Map.of()).updates()).hasSize(2);
    }

    @Test
    void anOpenNoticeMayGoBackToInvestigatingWhenAFixDoesNotHold() {
        Notice notice = fault(null);
        notice.postUpdate(NoticeStatus.MONITORING, "已修复，观察中", Estimate.UNKNOWN, NOW.plusSeconds(60), "ops");
        notice.postUpdate(NoticeStatus.INVESTIGATING, "问题再次出现", Estimate.UNKNOWN, NOW.plusSeconds(120), "ops");

        assertThat(notice.toRecord(Map.of()).status()).isEqualTo(NoticeStatus.INVESTIGATING);
    }

    @Test
    void anEstimateMustLieInTheFuture() {
        assertThatThrownBy(() -> fault(NOW.minusSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fieldsOf(e)).isEqualTo("[estimatedRecoveryAt:validation.etaInPast]"));
        assertThatThrownBy(() -> fault(NOW)).isInstanceOf(InvalidInputException.class);

        Notice notice = fault(null);
        assertThatThrownBy(() ->
                        notice.postUpdate(NoticeStatus.IDENTIFIED, "x", Estimate.at(NOW), NOW.plusSeconds(10), "ops"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(notice.toRecord(Map.of()).updates()).hasSize(1);
    }

    @Test
    void aFaultNeedsAChannelButAnAnnouncementDoesNot() {
        assertThatThrownBy(() -> Notice.post("故障", NoticeKind.FAULT, Map.of(), null, "x", Estimate.UNKNOWN, NOW, "ops"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fieldsOf(e)).isEqualTo("[channels:validation.channelsRequired]"));
        assertThat(Notice.post("新功能上线", NoticeKind.INFO, Map.of(), null, "x", Estimate.UNKNOWN, NOW, "ops")
                        .toRecord(Map.of())
                        .channels())
                .isEmpty();
    }

    @Test
    void aNoticeCannotStartResolved() {
        assertThatThrownBy(() -> Notice.post(
                        "t", NoticeKind.FAULT, FENFU_DOWN, NoticeStatus.RESOLVED, "x", Estimate.UNKNOWN, NOW, "ops"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fieldsOf(e)).isEqualTo("[status:validation.cannotStartResolved]"));
    }

    @Test
    void anOpenNoticeWithoutAnEstimateIsRefusedRatherThanShownAsUnknown() {
        assertThatThrownBy(() -> Notice.post("故障", NoticeKind.FAULT, FENFU_DOWN, null, "x", null, NOW, "ops"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fieldsOf(e)).isEqualTo("[estimatedRecoveryAt:validation.etaMissing]"));
        Notice notice = fault(null);
        assertThatThrownBy(() -> notice.postUpdate(NoticeStatus.IDENTIFIED, "已定位", null, NOW.plusSeconds(60), "ops"))
                .isInstanceOf(InvalidInputException.class);
        notice.postUpdate(NoticeStatus.RESOLVED, "已恢复", null, NOW.plusSeconds(60), "ops");
        assertThat(notice.toRecord(Map.of()).isOpen()).isFalse();
    }
}
