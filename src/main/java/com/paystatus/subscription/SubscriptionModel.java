package com.paystatus.subscription;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the public pages whether to show the subscription form: the same for every reader (SMTP is
 * configured or not), so it may sit in the shared cached pages.
 */
@ControllerAdvice(basePackages = "com.paystatus.status")
class SubscriptionModel {

    private final SubscriptionService subscriptions;

    SubscriptionModel(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @ModelAttribute("subscriptionsOffered")
    boolean subscriptionsOffered() {
        return subscriptions.emailOffered();
    }
}
