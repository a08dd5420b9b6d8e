package com.paystatus.notice;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry in a notice's timeline: never changed once posted, so every revised estimate is kept. */
@Entity
@Table(name = "notice_update")
class NoticeUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    private Notice notice;

    @Convert(converter = NoticeStatus.Converter.class)
    private NoticeStatus status;

    private String message;
    private String messageEn;
    private Instant estimatedRecoveryAt;
    private Instant postedAt;
    private String postedBy;

    protected NoticeUpdate() {}

    NoticeUpdate(
            Notice notice,
            NoticeStatus status,
            String message,
            String messageEn,
            Instant eta,
            Instant postedAt,
            String postedBy) {
        this.notice = notice;
        this.status = status;
        this.message = message;
        this.messageEn = messageEn;
        this.estimatedRecoveryAt = eta;
        this.postedAt = postedAt;
        this.postedBy = postedBy;
    }

    NoticeRecord.Update toRecord() {
        return new NoticeRecord.Update(status, message, messageEn, estimatedRecoveryAt, postedAt, postedBy);
    }
}
