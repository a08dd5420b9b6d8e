package com.paystatus.channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A channel as the rest of the application sees it.
 *
 * @param groupId the group it is listed under; group names may change, the id does not
 * @param ownState the state an operator set directly
 * @param state what the public sees: the worst of {@code ownState} and the states open notices hold it in
 * @param heldBy what holds the channel in {@code state}: open notices first, oldest first
 * @param since when {@code state} began
 * @param reason the reason given with the latest change
 * @param alternatives slugs of the channels to suggest instead, in order
 * @param recentChanges the latest state changes, newest first
 */
public record ChannelRecord(
        long id,
        String slug,
        String nameZh,
        String nameEn,
        String descriptionZh,
        String descriptionEn,
        long groupId,
        String groupZh,
        String groupEn,
        int groupOrder,
        int displayOrder,
        ChannelState ownState,
        ChannelState state,
        List<StateHold> heldBy,
        Instant since,
        String reason,
        List<String> alternatives,
        List<StateChange> recentChanges) {

    /** The name in the page's language, so templates need no language test of their own. */
    public String name(Locale locale) {
        return pick(locale, nameZh, nameEn);
    }

    public String group(Locale locale) {
        return pick(locale, groupZh, groupEn);
    }

    private static String pick(Locale locale, String zh, String en) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && en != null && !en.isBlank() ? en : zh;
    }

    /** The ids of the open notices holding the channel in its state. */
    public List<Long> heldByNotices() {
        return heldBy.stream()
                .filter(h -> h.source() == StateHold.Source.NOTICE)
                .map(StateHold::sourceId)
                .toList();
    }
}
