package com.paystatus.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A way to pay that people ask about, such as 分付 for online shopping. Its {@code state} is the one
 * an operator set directly; what the public sees is the worst of it and the states that open notices
 * put the channel in (see {@link ChannelService}).
 */
@Entity
@Table(name = "channel")
class Channel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String nameZh;
    private String nameEn;
    private String descriptionZh;
    private String descriptionEn;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "group_id")
    private ChannelGroup group;

    private int displayOrder;

    @Convert(converter = ChannelState.Converter.class)
    private ChannelState state;

    @ElementCollection
    @CollectionTable(name = "channel_alternative", joinColumns = @JoinColumn(name = "channel_id"))
    @OrderColumn(name = "position")
    @Column(name = "alternative_id")
    private List<Long> alternativeIds = new ArrayList<>();

    @Version
    private long version;

    private Instant createdAt;

    protected Channel() {}

    Channel(String slug, ChannelDetails details, ChannelGroup group, Instant now) {
        this.slug = slug;
        this.state = ChannelState.AVAILABLE;
        this.createdAt = now;
        describe(details, group);
    }

    void describe(ChannelDetails details, ChannelGroup group) {
        this.nameZh = details.nameZh().trim();
        this.nameEn = details.nameEn().trim();
        this.descriptionZh =
                details.descriptionZh() == null ? "" : details.descriptionZh().trim();
        this.descriptionEn =
                details.descriptionEn() == null ? "" : details.descriptionEn().trim();
        this.displayOrder = details.displayOrder();
        this.group = group;
    }

    void suggestInstead(List<Long> alternativeIds) {
        this.alternativeIds.clear();
        this.alternativeIds.addAll(alternativeIds);
    }

    void setState(ChannelState state) {
        this.state = state;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getNameZh() {
        return nameZh;
    }

    String getNameEn() {
        return nameEn;
    }

    String getDescriptionZh() {
        return descriptionZh;
    }

    String getDescriptionEn() {
        return descriptionEn;
    }

    ChannelGroup getGroup() {
        return group;
    }

    int getDisplayOrder() {
        return displayOrder;
    }

    ChannelState getState() {
        return state;
    }

    List<Long> getAlternativeIds() {
        return alternativeIds;
    }
}
