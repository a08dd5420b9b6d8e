package com.paystatus.notice;

import com.paystatus.channel.ChannelRecord;
import com.paystatus.channel.ChannelState;
import java.util.List;

/**
 * What posting a draft would change on the public page, worked out from the channels' effective
 * states now (their own state, open notices and maintenance in progress), with nothing saved. A
 * channel shows the worst of what holds it, so a notice can replace what another notice or a
 * maintenance shows, or leave a channel as it is when something worse holds it.
 *
 * @param channels the draft's channels, in the board's order
 */
public record NoticePreview(List<ChannelChange> channels) {

    /**
     * @param channel the channel as the public sees it now
     * @param chosen the state the draft puts it in
     * @param after what the public will see once the draft is posted
     */
    public record ChannelChange(ChannelRecord channel, ChannelState chosen, ChannelState after) {

        public ChannelState before() {
            return channel.state();
        }

        public boolean changes() {
            return before() != after;
        }
    }

    public List<ChannelChange> changing() {
        return channels.stream().filter(ChannelChange::changes).toList();
    }

    public List<ChannelChange> unchanged() {
        return channels.stream().filter(c -> !c.changes()).toList();
    }
}
