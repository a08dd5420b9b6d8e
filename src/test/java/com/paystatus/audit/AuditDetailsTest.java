package com.paystatus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Audit details are data (field, before, after; labelled notes), stored as JSON and shown as one line. */
class AuditDetailsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFieldThatDidNotChangeIsLeftOutAndAValueSetForTheFirstTimeHasNoBefore() {
        AuditDetails details = AuditDetails.none()
                .withChange("status", "investigating", "resolved")
                .withChange("estimatedRecoveryAt", null, null)
                .withValue("title", "分付暂不能使用")
                .withNote("message", "已恢复")
                .withNote("reason", " ");

        assertThat(details.changes())
                .containsExactly(
                        new AuditDetails.Change("status", "investigating", "resolved"),
                        new AuditDetails.Change("title", null, "分付暂不能使用"));
        assertThat(details.notes()).containsExactly(Map.entry("message", "已恢复"));
        assertThat(details.readable()).isEqualTo("status: investigating → resolved; title: — → 分付暂不能使用; message: 已恢复");
    }

    @Test
    void detailsAreStoredAsJsonOfChangesAndNotesAndReadBack() {
        AuditDetails details = AuditDetails.none()
                .withChange("state", "available", "maintenance")
                .withNote("reason", "升级");

        String stored = json.writeValueAsString(details);

        assertThat(json.readTree(stored).get("changes").get(0).get("before").asString())
                .isEqualTo("available");
        assertThat(json.readTree(stored).get("notes").get("reason").asString()).isEqualTo("升级");
        assertThat(json.readValue(stored, AuditDetails.class)).isEqualTo(details);
    }

    @Test
    void clippingKeepsTheStructure() {
        AuditDetails long_ = AuditDetails.none().withChange("postmortem", null, "x".repeat(5000));

        AuditDetails clipped = long_.map(t -> t == null ? null : t.substring(0, Math.min(t.length(), 10)));

        assertThat(clipped.changes()).containsExactly(new AuditDetails.Change("postmortem", null, "xxxxxxxxxx"));
        assertThat(clipped.notes()).isEmpty();
        assertThat(AuditDetails.none().changes()).isEqualTo(List.of());
    }
}
