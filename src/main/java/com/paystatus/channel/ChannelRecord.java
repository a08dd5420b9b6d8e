package com.paystatus.channel;

import java.time.Instant;
import java.util.List;

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

    /** The ids of the open notices holding the channel in its state. */
    public List<Long> heldByNotices() {
        return heldBy.stream()
                .filter(h -> h.source() == StateHold.Source.NOTICE)
                .map(StateHold::sourceId)
                .toList();
    }
}
