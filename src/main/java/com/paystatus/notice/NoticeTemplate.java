package com.paystatus.notice;

import com.paystatus.shared.LocalizedText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ready-made notice (服务器压力过大, 系统升级维护, …) that an operator posts from in one screen. */
@Entity
@Table(name = "notice_template")
class NoticeTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String title;
    private String titleEn;

    @Convert(converter = NoticeKind.Converter.class)
    private NoticeKind kind;

    private String message;
    private String messageEn;
    private Instant createdAt;

    /** Channel slug to state code. */
    @ElementCollection
    @CollectionTable(name = "notice_template_channel", joinColumns = @JoinColumn(name = "template_id"))
    @MapKeyColumn(name = "slug")
    @Column(name = "state")
    private Map<String, String> channels = new LinkedHashMap<>();

    protected NoticeTemplate() {}

    NoticeTemplate(Instant now) {
        this.createdAt = now;
    }

    void describe(String name, NoticeDraft words, NoticeKind kind, Map<String, String> channels) {
        this.name = name.trim();
        this.title = words.title().trim();
        this.titleEn = LocalizedText.optional(words.titleEn());
        this.kind = kind;
        this.message = words.message().trim();
        this.messageEn = LocalizedText.optional(words.messageEn());
        this.channels.clear();
        this.channels.putAll(channels);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    NoticeTemplateRecord toRecord() {
        return new NoticeTemplateRecord(
                id, name, title, titleEn, kind, message, messageEn, new LinkedHashMap<>(channels));
    }
}
