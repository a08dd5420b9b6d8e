package com.paystatus.maintenance;

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

/** One operator action on a maintenance window, kept for its timeline. */
@Entity
@Table(name = "maintenance_update")
class MaintenanceUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "maintenance_id")
    private Maintenance maintenance;

    @Convert(converter = MaintenanceAction.Converter.class)
    private MaintenanceAction action;

    private String message;
    private Instant postedAt;
    private String postedBy;

    protected MaintenanceUpdate() {}

    MaintenanceUpdate(
            Maintenance maintenance, MaintenanceAction action, String message, Instant postedAt, String postedBy) {
        this.maintenance = maintenance;
        this.action = action;
        this.message = message;
        this.postedAt = postedAt;
        this.postedBy = postedBy;
    }

    MaintenanceRecord.Update toRecord() {
        return new MaintenanceRecord.Update(action, message, postedAt, postedBy);
    }
}
