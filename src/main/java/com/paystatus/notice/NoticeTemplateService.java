package com.paystatus.notice;

import com.paystatus.shared.Coded;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice templates: kept, edited and removed by operators. A template is checked like a notice
 * (title, message, kind, channels and states), except that it carries no estimate.
 */
@Service
public class NoticeTemplateService {

    public static final int MAX_NAME = 60;

    private final NoticeTemplateRepository templates;
    private final NoticeService notices;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NoticeTemplateService(
            NoticeTemplateRepository templates, NoticeService notices, Clock clock, ApplicationEventPublisher events) {
        this.templates = templates;
        this.notices = notices;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<NoticeTemplateRecord> all() {
        return templates.findAllByOrderByNameAsc().stream()
                .map(NoticeTemplate::toRecord)
                .toList();
    }

    @Transactional(readOnly = true)
    public NoticeTemplateRecord get(long id) {
        return find(id).toRecord();
    }

    @Transactional(readOnly = true)
    public long count() {
        return templates.count();
    }

    /** Every rule the template breaks: a notice's rules, and a unique name. */
    @Transactional(readOnly = true)
    public List<Violation> check(Long id, String name, NoticeDraft notice) {
        // a template has no estimate: the operator gives one when posting from it
        NoticeDraft withoutEstimate = new NoticeDraft(
                notice.title(),
                notice.titleEn(),
                notice.kind(),
                notice.message(),
                notice.messageEn(),
                notice.channels(),
                null,
                Estimate.UNKNOWN);
        List<Violation> violations = new ArrayList<>(notices.check(withoutEstimate));
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty()) {
            violations.add(new Violation("name", "validation.required"));
        } else if (clean.length() > MAX_NAME) {
            violations.add(new Violation("name", "validation.tooLong", MAX_NAME));
        } else {
            templates
                    .findByName(clean)
                    .filter(other -> !other.getId().equals(id))
                    .ifPresent(other -> violations.add(new Violation("name", "validation.nameTaken", clean)));
        }
        return violations;
    }

    /** Adds a template ({@code id} null) or replaces one. */
    @Transactional
    public NoticeTemplateRecord save(Long id, String name, NoticeDraft notice) {
        List<Violation> violations = check(id, name, notice);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        NoticeTemplate template = id == null ? new NoticeTemplate(clock.instant()) : find(id);
        NoticeTemplateRecord before = id == null ? null : template.toRecord();
        Map<String, String> channels = new LinkedHashMap<>(notice.channels() == null ? Map.of() : notice.channels());
        template.describe(
                name, notice, Coded.fromCode(NoticeKind.class, notice.kind()).orElseThrow(), channels);
        NoticeTemplateRecord saved = templates.saveAndFlush(template).toRecord();
        events.publishEvent(new TemplateSaved(before, saved));
        return saved;
    }

    @Transactional
    public void delete(long id) {
        NoticeTemplate template = find(id);
        events.publishEvent(new TemplateDeleted(template.toRecord()));
        templates.delete(template);
    }

    private NoticeTemplate find(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("error.templateNotFound", id));
    }
}
