package com.paystatus.status.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateHold;
import com.paystatus.maintenance.MaintenanceAction;
import com.paystatus.maintenance.MaintenanceRecord;
import com.paystatus.notice.NoticeKind;
import com.paystatus.notice.NoticeRecord;
import com.paystatus.notice.NoticeStatus;
import com.paystatus.shared.OperatorTexts;
import com.paystatus.shared.PayStatusProperties;
import com.paystatus.status.ChannelView;
import com.paystatus.status.GroupView;
import com.paystatus.status.StatusSnapshot;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the Statuspage contract without a server: a snapshot built by hand (with maintenance windows,
 * which the app cannot create yet) is mapped and serialised, then compared key by key and type by type
 * with a recorded real Statuspage response, and every enum value is checked against Statuspage's.
 */
class StatuspageContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Fields Statuspage itself sends as null in some responses and as a value in others. */
    private static final Set<String> NULLABLE = Set.of(
            "description",
            "group_id",
            "start_date",
            "monitoring_at",
            "resolved_at",
            "started_at",
            "affected_components",
            "custom_tweet",
            "tweet_id");

    private final StatuspageMapper mapper = new StatuspageMapper(OperatorTexts.messageBundle(), properties());

    private static PayStatusProperties properties() {
        return new PayStatusProperties(
                SHANGHAI, 14, "", new PayStatusProperties.DemoData(false), new PayStatusProperties.Admin("admin", ""));
    }

    private static ChannelRecord channel(String slug, String group, ChannelState state, List<Long> heldBy) {
        return new ChannelRecord(
                slug.hashCode(),
                slug,
                slug + "（中文）",
                slug + " (English)",
                "说明",
                "description",
                group.hashCode(),
                group + "组",
                group,
                1,
                1,
                ChannelState.AVAILABLE,
                state,
                heldBy.stream().map(notice -> new StateHold(1, state, notice)).toList(),
                NOW.minus(Duration.ofHours(1)),
                null,
                List.of(),
                List.of());
    }

    private static NoticeRecord notice(
            long id, NoticeKind kind, NoticeStatus status, Map<String, ChannelState> channels, Instant resolvedAt) {
        List<NoticeRecord.Update> updates = new ArrayList<>();
        if (status == NoticeStatus.RESOLVED) {
            updates.add(new NoticeRecord.Update(status, "已恢复", null, resolvedAt, "ops"));
        }
        updates.add(new NoticeRecord.Update(
                NoticeStatus.INVESTIGATING,
                "排查中",
                NOW.plus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(1)),
                "ops"));
        return new NoticeRecord(
                id,
                "公告 " + id,
                kind,
                status,
                channels,
                status.isOpen() ? NOW.plus(Duration.ofHours(2)) : null,
                NOW.minus(Duration.ofHours(1)),
                "ops",
                resolvedAt,
                null,
                null,
                0,
                updates);
    }

    private static MaintenanceRecord maintenance(long id, Instant startsAt, Instant endsAt, String... channels) {
        return new MaintenanceRecord(
                id,
                "维护 " + id,
                "系统升级",
                List.of(channels),
                startsAt,
                endsAt,
                null,
                null,
                NOW.minus(Duration.ofDays(3)),
                "ops",
                List.of(new MaintenanceRecord.Update(
                        MaintenanceAction.EXTENDED, "提前通知", NOW.minus(Duration.ofDays(1)), "ops")));
    }

    /** Fenfu online unavailable and offline degraded by a fault; transit in maintenance; Alipay fine. */
    static StatusSnapshot snapshot() {
        NoticeRecord fault = notice(
                7,
                NoticeKind.FAULT,
                NoticeStatus.IDENTIFIED,
                Map.of("fenfu-online", ChannelState.UNAVAILABLE, "fenfu-offline", ChannelState.DEGRADED),
                null);
        NoticeRecord resolved = notice(
                3,
                NoticeKind.COMPLIANCE,
                NoticeStatus.RESOLVED,
                Map.of("alipay", ChannelState.COMPLIANCE_REVIEW),
                NOW.minus(Duration.ofMinutes(10)));
        ChannelView online = new ChannelView(
                channel("fenfu-online", "Fenfu", ChannelState.UNAVAILABLE, List.of(7L)),
                fault,
                null,
                List.of(channel("alipay", "Other ways to pay", ChannelState.AVAILABLE, List.of())),
                List.of(fault));
        ChannelView offline = new ChannelView(
                channel("fenfu-offline", "Fenfu", ChannelState.DEGRADED, List.of(7L)),
                fault,
                null,
                List.of(),
                List.of(fault));
        ChannelView transit = new ChannelView(
                channel("fenfu-transit", "Fenfu", ChannelState.MAINTENANCE, List.of()),
                null,
                null,
                List.of(),
                List.of());
        ChannelView alipay = new ChannelView(
                channel("alipay", "Other ways to pay", ChannelState.AVAILABLE, List.of()),
                null,
                null,
                List.of(),
                List.of());
        List<MaintenanceRecord> maintenances = List.of(
                maintenance(1, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)), "fenfu-transit"),
                maintenance(
                        2,
                        NOW.plus(Duration.ofDays(2)),
                        NOW.plus(Duration.ofDays(2).plusHours(2)),
                        "alipay"),
                maintenance(3, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(20)), "fenfu-online"));
        Map<String, ChannelView> channels = new LinkedHashMap<>();
        for (ChannelView view : List.of(online, offline, transit, alipay)) {
            channels.put(view.slug(), view);
        }
        return new StatusSnapshot(
                5,
                NOW,
                List.of(
                        new GroupView(1, "分付", "Fenfu", List.of(online, offline, transit)),
                        new GroupView(2, "其他支付方式", "Other ways to pay", List.of(alipay))),
                List.of(fault),
                List.of(resolved),
                maintenances,
                channels,
                List.of(fault, resolved).stream().collect(Collectors.toMap(NoticeRecord::id, Function.identity())),
                Map.of(),
                List.of());
    }

    private StatuspageMapper.Request request(Locale locale) {
        return new StatuspageMapper.Request(snapshot(), NOW, locale, "https://status.example");
    }

    private static JsonNode json(Object document) {
        return JSON.readTree(JSON.writeValueAsString(document));
    }

    private static JsonNode recorded() throws Exception {
        try (InputStream in = StatuspageContractTest.class.getResourceAsStream("/statuspage/summary.json")) {
            return JSON.readTree(in);
        }
    }

    /** Every key of Statuspage's object is in ours, with a value of the same JSON type. */
    private static void assertSameShape(String where, JsonNode theirs, JsonNode ours) {
        assertThat(ours.isObject()).as(where + " is an object").isTrue();
        for (String key : theirs.propertyNames()) {
            JsonNode expected = theirs.get(key);
            assertThat(ours.has(key)).as(where + "." + key + " is present").isTrue();
            JsonNode actual = ours.get(key);
            if (expected.isNull() || (actual.isNull() && NULLABLE.contains(key))) {
                continue;
            }
            assertThat(actual.getNodeType())
                    .as(where + "." + key + " has Statuspage's type")
                    .isEqualTo(expected.getNodeType());
        }
        Set<String> extra = new java.util.TreeSet<>(ours.propertyNames());
        extra.removeAll(theirs.propertyNames());
        // Components recorded inside incidents predate Statuspage's start_date; top-level ones have it.
        assertThat(extra)
                .as(where + ": only PayStatus's own extension is added")
                .isSubsetOf("paystatus", "start_date");
    }

    private static JsonNode first(JsonNode array, java.util.function.Predicate<JsonNode> which) {
        for (JsonNode node : array) {
            if (which.test(node)) {
                return node;
            }
        }
        throw new AssertionError("nothing matched in " + array);
    }

    @Test
    void summaryHasTheShapeOfARealStatuspageSummaryKeyByKey() throws Exception {
        JsonNode theirs = recorded();
        JsonNode ours = json(mapper.summary(request(Locale.SIMPLIFIED_CHINESE)));

        assertThat(Set.copyOf(ours.propertyNames())).isEqualTo(Set.copyOf(theirs.propertyNames()));
        assertSameShape("page", theirs.get("page"), ours.get("page"));
        assertSameShape("status", theirs.get("status"), ours.get("status"));

        JsonNode theirGroup = theirs.get("components").get(0);
        JsonNode ourGroup = first(ours.get("components"), c -> c.get("group").asBoolean());
        assertSameShape("group component", theirGroup, ourGroup);
        JsonNode theirChild =
                theirs.get("scheduled_maintenances").get(0).get("components").get(0);
        JsonNode ourChild = first(ours.get("components"), c -> !c.get("group").asBoolean());
        assertSameShape("component", theirChild, ourChild);

        JsonNode theirIncident = theirs.get("incidents").get(0);
        JsonNode ourIncident = ours.get("incidents").get(0);
        assertSameShape("incident", theirIncident, ourIncident);
        JsonNode ourFirstUpdate = ourIncident
                .get("incident_updates")
                .get(ourIncident.get("incident_updates").size() - 1);
        assertSameShape("incident update", theirIncident.get("incident_updates").get(0), ourFirstUpdate);
        assertSameShape(
                "affected component",
                theirIncident
                        .get("incident_updates")
                        .get(0)
                        .get("affected_components")
                        .get(0),
                ourFirstUpdate.get("affected_components").get(0));
        assertSameShape(
                "incident component",
                theirIncident.get("components").get(0),
                ourIncident.get("components").get(0));

        JsonNode theirMaintenance = theirs.get("scheduled_maintenances").get(0);
        assertThat(ours.get("scheduled_maintenances")).hasSize(2); // in progress and upcoming, not completed
        for (JsonNode ourMaintenance : ours.get("scheduled_maintenances")) {
            assertSameShape("scheduled maintenance", theirMaintenance, ourMaintenance);
            assertSameShape(
                    "maintenance update",
                    theirMaintenance.get("incident_updates").get(0),
                    ourMaintenance.get("incident_updates").get(0));
            assertSameShape(
                    "maintenance component",
                    theirMaintenance.get("components").get(0),
                    ourMaintenance.get("components").get(0));
        }
    }

    @Test
    void groupsListTheIdsOfTheirChannelsAndChannelsNameTheirGroup() {
        JsonNode components = json(mapper.components(request(Locale.ENGLISH)));
        JsonNode fenfu = first(components, c -> c.get("id").asString().equals("group-fenfu"));
        assertThat(fenfu.get("group").asBoolean()).isTrue();
        assertThat(fenfu.get("name").asString()).isEqualTo("Fenfu");
        assertThat(fenfu.get("status").asString()).isEqualTo("major_outage");
        assertThat(fenfu.get("components").valueStream().map(JsonNode::asString))
                .containsExactly("fenfu-online", "fenfu-offline", "fenfu-transit");
        for (String slug : List.of("fenfu-online", "fenfu-offline", "fenfu-transit")) {
            JsonNode child = first(components, c -> c.get("id").asString().equals(slug));
            assertThat(child.get("group_id").asString()).isEqualTo("group-fenfu");
            assertThat(child.has("components")).isFalse();
        }
    }

    @Test
    void channelStatesBecomeStatuspageComponentStatusesWithOurFactsAlongside() {
        JsonNode components = json(mapper.components(request(Locale.SIMPLIFIED_CHINESE)));
        Map<String, String> statuses = new LinkedHashMap<>();
        components.forEach(
                c -> statuses.put(c.get("id").asString(), c.get("status").asString()));
        assertThat(statuses)
                .containsEntry("fenfu-online", "major_outage")
                .containsEntry("fenfu-offline", "degraded_performance")
                .containsEntry("fenfu-transit", "under_maintenance")
                .containsEntry("alipay", "operational");

        JsonNode online = first(components, c -> c.get("id").asString().equals("fenfu-online"));
        JsonNode facts = online.get("paystatus");
        assertThat(facts.get("state").asString()).isEqualTo("unavailable");
        assertThat(facts.get("cause_kind").asString()).isEqualTo("fault");
        assertThat(facts.get("cause_notice_id").asString()).isEqualTo("notice-7");
        assertThat(facts.get("estimated_recovery_at").asString()).isEqualTo("2026-11-25T12:00:00.000+08:00");
        assertThat(facts.get("alternatives").valueStream().map(JsonNode::asString))
                .containsExactly("alipay");
        assertThat(online.get("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00");
    }

    @Test
    void everyEnumValueWeEmitIsOneOfStatuspages() {
        for (ChannelState state : ChannelState.values()) {
            assertThat(StatuspageWords.COMPONENT_STATUSES).contains(StatuspageWords.componentStatus(state));
        }
        for (NoticeStatus status : NoticeStatus.values()) {
            assertThat(StatuspageWords.INCIDENT_STATUSES).contains(StatuspageWords.incidentStatus(status));
        }
        for (com.paystatus.maintenance.MaintenanceStatus status :
                com.paystatus.maintenance.MaintenanceStatus.values()) {
            assertThat(StatuspageWords.INCIDENT_STATUSES).contains(StatuspageWords.maintenanceStatus(status));
        }
        for (NoticeKind kind : NoticeKind.values()) {
            for (ChannelState state : ChannelState.values()) {
                assertThat(StatuspageWords.IMPACTS).contains(StatuspageWords.impact(kind, List.of(state)));
            }
        }
        for (ChannelState a : ChannelState.values()) {
            for (ChannelState b : ChannelState.values()) {
                assertThat(StatuspageWords.INDICATORS)
                        .contains(StatuspageWords.indicator(List.of(a, b)).indicator());
            }
        }
        // And in a whole document, wherever the values appear.
        JsonNode summary = json(mapper.summary(request(Locale.ENGLISH)));
        summary.get("components")
                .forEach(c -> assertThat(StatuspageWords.COMPONENT_STATUSES)
                        .contains(c.get("status").asString()));
        List<JsonNode> incidents = new ArrayList<>();
        json(mapper.incidents(request(Locale.ENGLISH))).forEach(incidents::add);
        json(mapper.maintenances(request(Locale.ENGLISH))).forEach(incidents::add);
        for (JsonNode incident : incidents) {
            assertThat(StatuspageWords.INCIDENT_STATUSES)
                    .contains(incident.get("status").asString());
            assertThat(StatuspageWords.IMPACTS).contains(incident.get("impact").asString());
            incident.get("incident_updates")
                    .forEach(u -> assertThat(StatuspageWords.INCIDENT_STATUSES)
                            .contains(u.get("status").asString()));
        }
        assertThat(StatuspageWords.INDICATORS)
                .contains(summary.get("status").get("indicator").asString());
    }

    @Test
    void noticesBecomeIncidentsWithImpactFromKindAndStates() {
        JsonNode incidents = json(mapper.incidents(request(Locale.SIMPLIFIED_CHINESE)));
        assertThat(incidents).hasSize(2);
        JsonNode fault = incidents.get(0);
        assertThat(fault.get("id").asString()).isEqualTo("notice-7");
        assertThat(fault.get("status").asString()).isEqualTo("identified");
        assertThat(fault.get("impact").asString()).isEqualTo("critical");
        assertThat(fault.get("shortlink").asString()).isEqualTo("https://status.example/notices/7");
        assertThat(fault.get("resolved_at").isNull()).isTrue();
        assertThat(fault.get("paystatus").get("kind").asString()).isEqualTo("fault");
        JsonNode resolved = incidents.get(1);
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.get("impact").asString()).isEqualTo("major");
        assertThat(resolved.get("resolved_at").asString()).isEqualTo("2026-11-25T09:50:00.000+08:00");
        assertThat(resolved.get("incident_updates").get(0).get("status").asString())
                .isEqualTo("resolved");

        assertThat(StatuspageWords.impact(NoticeKind.MAINTENANCE, List.of(ChannelState.MAINTENANCE)))
                .isEqualTo("maintenance");
        assertThat(StatuspageWords.impact(NoticeKind.INFO, List.of())).isEqualTo("none");
        assertThat(StatuspageWords.impact(NoticeKind.FAULT, List.of(ChannelState.DEGRADED)))
                .isEqualTo("minor");
    }

    @Test
    void maintenanceWindowsBecomeScheduledMaintenancesByTheirTimeWindow() {
        var r = request(Locale.SIMPLIFIED_CHINESE);
        JsonNode all = json(mapper.maintenances(r));
        assertThat(all.valueStream().map(m -> m.get("id").asString()))
                .containsExactly("maintenance-2", "maintenance-1", "maintenance-3");
        JsonNode upcoming = json(mapper.maintenances(r, com.paystatus.maintenance.MaintenanceStatus.SCHEDULED));
        assertThat(upcoming).hasSize(1);
        JsonNode scheduled = upcoming.get(0);
        assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
        assertThat(scheduled.get("impact").asString()).isEqualTo("maintenance");
        assertThat(scheduled.get("scheduled_for").asString()).isEqualTo("2026-11-27T10:00:00.000+08:00");
        assertThat(scheduled.get("scheduled_until").asString()).isEqualTo("2026-11-27T12:00:00.000+08:00");
        assertThat(scheduled.get("components").get(0).get("id").asString()).isEqualTo("alipay");
        assertThat(scheduled
                        .get("incident_updates")
                        .valueStream()
                        .map(u -> u.get("body").asString()))
                .containsExactly("提前通知", "系统升级");

        JsonNode active = json(mapper.maintenances(r, com.paystatus.maintenance.MaintenanceStatus.IN_PROGRESS));
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("status").asString()).isEqualTo("in_progress");
        assertThat(active.get(0).get("started_at").asString()).isEqualTo("2026-11-25T09:00:00.000+08:00");
        assertThat(active.get(0).get("components").get(0).get("status").asString())
                .isEqualTo("under_maintenance");

        JsonNode completed = all.get(2);
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("resolved_at").asString()).isEqualTo("2026-11-24T14:00:00.000+08:00");
    }

    @Test
    void theIndicatorAndItsDescriptionFollowTheWorstChannelInTheRequestedLanguage() {
        JsonNode zh = json(mapper.status(request(Locale.SIMPLIFIED_CHINESE)));
        assertThat(zh.get("indicator").asString()).isEqualTo("major");
        assertThat(zh.get("description").asString()).isEqualTo("部分支付通道暂不能使用");
        assertThat(json(mapper.status(request(Locale.ENGLISH)))
                        .get("description")
                        .asString())
                .isEqualTo("Some payment channels cannot be used");

        assertThat(StatuspageWords.indicator(List.of(ChannelState.AVAILABLE)).indicator())
                .isEqualTo("none");
        assertThat(StatuspageWords.indicator(List.of(ChannelState.AVAILABLE, ChannelState.DEGRADED))
                        .indicator())
                .isEqualTo("minor");
        assertThat(StatuspageWords.indicator(List.of(ChannelState.AVAILABLE, ChannelState.MAINTENANCE))
                        .messageKey())
                .isEqualTo("api.status.maintenance");
        assertThat(StatuspageWords.indicator(List.of(ChannelState.UNAVAILABLE, ChannelState.COMPLIANCE_REVIEW))
                        .indicator())
                .isEqualTo("critical");
    }
}
