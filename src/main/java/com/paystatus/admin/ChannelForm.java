package com.paystatus.admin;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelRecord;
import java.util.ArrayList;
import java.util.List;

/** The admin form for adding or editing a channel; the constraints are those of {@link ChannelDetails}. */
public class ChannelForm {

    private String slug;

    private String nameZh;

    private String nameEn;

    private String descriptionZh;

    private String descriptionEn;

    private String groupZh;

    private String groupEn;

    private int displayOrder;

    private List<String> alternatives = new ArrayList<>();

    static ChannelForm of(ChannelRecord channel) {
        ChannelForm form = new ChannelForm();
        form.slug = channel.slug();
        form.nameZh = channel.nameZh();
        form.nameEn = channel.nameEn();
        form.descriptionZh = channel.descriptionZh();
        form.descriptionEn = channel.descriptionEn();
        form.groupZh = channel.groupZh();
        form.groupEn = channel.groupEn();
        form.displayOrder = channel.displayOrder();
        form.alternatives = new ArrayList<>(channel.alternatives());
        return form;
    }

    ChannelDetails toDetails() {
        return new ChannelDetails(
                nameZh, nameEn, descriptionZh, descriptionEn, groupZh, groupEn, displayOrder, alternatives);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getDescriptionZh() {
        return descriptionZh;
    }

    public void setDescriptionZh(String descriptionZh) {
        this.descriptionZh = descriptionZh;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public String getGroupZh() {
        return groupZh;
    }

    public void setGroupZh(String groupZh) {
        this.groupZh = groupZh;
    }

    public String getGroupEn() {
        return groupEn;
    }

    public void setGroupEn(String groupEn) {
        this.groupEn = groupEn;
    }

    public int getDisplayOrder() {
        return displayOrder;
    }

    public void setDisplayOrder(int displayOrder) {
        this.displayOrder = displayOrder;
    }

    public List<String> getAlternatives() {
        return alternatives;
    }

    public void setAlternatives(List<String> alternatives) {
        this.alternatives = alternatives;
    }
}
