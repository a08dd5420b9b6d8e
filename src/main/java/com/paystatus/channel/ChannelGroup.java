package com.paystatus.channel;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A heading on the status page under which channels are listed, such as 分付. */
@Entity
@Table(name = "channel_group")
class ChannelGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String nameZh;
    private String nameEn;
    private int displayOrder;

    protected ChannelGroup() {}

    ChannelGroup(String nameZh, String nameEn, int displayOrder) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.displayOrder = displayOrder;
    }

    Long getId() {
        return id;
    }

    String getNameZh() {
        return nameZh;
    }

    String getNameEn() {
        return nameEn;
    }

    int getDisplayOrder() {
        return displayOrder;
    }

    void rename(String nameEn) {
        this.nameEn = nameEn;
    }
}
