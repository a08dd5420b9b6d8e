package com.paystatus.notice;

import com.paystatus.channel.ChannelState;
import com.paystatus.shared.CodedConverter;

class NoticeChannelStateConverter extends CodedConverter<ChannelState> {
    NoticeChannelStateConverter() {
        super(ChannelState.class);
    }
}
