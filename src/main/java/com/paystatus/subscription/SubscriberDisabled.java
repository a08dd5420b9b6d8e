package com.paystatus.subscription;

import com.paystatus.shared.OperatorAlert;

/**
 * A webhook or robot was switched off (410 Gone, or failing for a day): the operators' robots and webhooks
 * are told at once, beside the audit entry, so that someone fixes the receiver. Texts are made in Chinese
 * by the sender of the event; the address in them is masked.
 */
record SubscriberDisabled(long subscriberId, String title, String text) implements OperatorAlert {

    @Override
    public String alertKind() {
        return "subscriber.disabled";
    }

    @Override
    public String alertChannelSlug() {
        return null;
    }

    @Override
    public String alertTitle() {
        return title;
    }

    @Override
    public String alertText() {
        return text;
    }

    @Override
    public String alertPath() {
        return "/api/admin/subscribers";
    }
}
