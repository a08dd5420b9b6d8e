package com.paystatus.admin;

import com.paystatus.channel.ChannelDetails;
import com.paystatus.channel.ChannelRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The admin form for adding or editing a channel. */
public class ChannelForm {

    @Size(max = 40, message = "{validation.tooLong}")
    private String slug;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String nameZh;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String nameEn;

    @Size(max = 200, message = "{validation.tooLong}")
    private String descriptionZh;

    @Size(max = 200, message = "{validation.tooLong}")
    private String descriptionEn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String groupZh;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String groupEn;

    @Min(value = 0, message = "{validation.displayOrder}")
    @Max(value = 9999, message = "{validation.displayOrder}")
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
