package com.paystatus.admin;

import com.paystatus.maintenance.MaintenanceDraft;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the maintenance form sends (times typed in the page's zone), turned into the {@link
 * MaintenanceDraft} command the API posts too; the constraints are the command's.
 */
public class MaintenanceForm {

    private String title;

    private String message;

    private List<String> channels = new ArrayList<>();

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime startsAt;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime endsAt;

    MaintenanceDraft toDraft(ZoneId zone) {
        return new MaintenanceDraft(title, message, channels, at(startsAt, zone), at(endsAt, zone));
    }

    static java.time.Instant at(LocalDateTime time, ZoneId zone) {
        return time == null ? null : time.atZone(zone).toInstant();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }
}
