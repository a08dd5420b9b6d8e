package com.paystatus.integration;

import com.paystatus.channel.ChannelService;
import com.paystatus.channel.ChannelState;
import com.paystatus.notice.NoticeTemplateService;
import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules that say which channel an alert is about, and what it proposes. The first rule (oldest
 * first) whose matchers all hold wins; with none, an alert whose label {@code channel} names a channel
 * is about it, {@code severity="critical"} proposing {@code unavailable} and anything else {@code
 * degraded}.
 */
@Service
public class IntegrationRules {

    /** The states an alert may propose: what monitoring can see. */
    static final List<ChannelState> PROPOSABLE = List.of(ChannelState.DEGRADED, ChannelState.UNAVAILABLE);

    private final RuleRepository rules;
    private final ChannelService channels;
    private final NoticeTemplateService templates;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    IntegrationRules(
            RuleRepository rules,
            ChannelService channels,
            NoticeTemplateService templates,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.templates = templates;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Which channel and state an alert is about, and by which rule; empty when unmatched. */
    record Match(String channel, String state, RuleRecord rule) {}

    @Transactional(readOnly = true)
    public List<RuleRecord> all() {
        return rules.findAllByOrderByIdAsc().stream().map(this::record).toList();
    }

    @Transactional(readOnly = true)
    public Optional<RuleRecord> find(Long id) {
        return id == null ? Optional.empty() : rules.findById(id).map(this::record);
    }

    public List<Violation> check(RuleDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft.channel() != null && channels.idsOf(List.of(draft.channel())).isEmpty()) {
            violations.add(new Violation("channel", "validation.unknownChannel", draft.channel()));
        }
        Optional<ChannelState> state = Coded.fromCode(ChannelState.class, draft.state());
        if (draft.state() != null && (state.isEmpty() || !PROPOSABLE.contains(state.get()))) {
            violations.add(new Violation("state", "validation.integration.state", draft.state()));
        }
        if (draft.templateId() != null && templates.all().stream().noneMatch(t -> t.id() == draft.templateId())) {
            violations.add(new Violation("templateId", "validation.integration.template", draft.templateId()));
        }
        return violations;
    }

    @Transactional
    public RuleRecord save(Long id, RuleDraft draft, String actor) {
        List<Violation> violations = check(draft);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String matchers = json.writeValueAsString(new TreeMap<>(draft.matchers()));
        Rule rule;
        if (id == null) {
            rule = rules.save(new Rule(matchers, draft, clock.instant(), actor));
        } else {
            rule = rules.findById(id).orElseThrow(() -> new NotFoundException("error.integration.ruleNotFound", id));
            rule.change(matchers, draft);
        }
        RuleRecord saved = record(rules.saveAndFlush(rule));
        events.publishEvent(new IntegrationEvents.RuleSaved(saved, id == null));
        return saved;
    }

    @Transactional
    public void delete(long id) {
        Rule rule = rules.findById(id).orElseThrow(() -> new NotFoundException("error.integration.ruleNotFound", id));
        RuleRecord deleted = record(rule);
        rules.delete(rule);
        events.publishEvent(new IntegrationEvents.RuleDeleted(deleted));
    }

    /** What the alert is about, given the rules (read once per batch) and the channels' slugs. */
    static Optional<Match> match(AlertSignal alert, List<RuleRecord> rules, java.util.Set<String> slugs) {
        for (RuleRecord rule : rules) {
            if (rule.matches(alert.labels())) {
                return Optional.of(new Match(rule.channel(), rule.state(), rule));
            }
        }
        String channel = alert.labels().get("channel");
        if (channel == null || !slugs.contains(channel)) {
            return Optional.empty();
        }
        if (alert.state() != null) {
            return Optional.of(new Match(channel, alert.state(), null));
        }
        boolean critical = "critical".equals(alert.labels().get("severity"));
        return Optional.of(
                new Match(channel, (critical ? ChannelState.UNAVAILABLE : ChannelState.DEGRADED).code(), null));
    }

    private RuleRecord record(Rule rule) {
        Map<String, String> matchers =
                json.readValue(rule.getMatchers(), new TypeReference<TreeMap<String, String>>() {});
        return rule.toRecord(matchers);
    }
}
