package com.paystatus.shared;

/**
 * Marks a domain event that operators should hear about at once, outside the admin pages: a spike of
 * user reports, a proposed notice, an estimate that has passed. Published by the feature that noticed it;
 * the subscriptions feature delivers it to the webhooks and robots whose audience is {@code operators}.
 * Not a public change: it bumps no revision. The texts are in Chinese, the operators' language.
 */
public interface OperatorAlert {

    /** A stable code for the kind of alert, e.g. {@code report.spike} or {@code proposal.opened}. */
    String alertKind();

    /** The channel it is about, or null when it is about no single channel. */
    String alertChannelSlug();

    /** One line: what happened. */
    String alertTitle();

    /** A few lines: the evidence and what to do. */
    String alertText();

    /** Where an operator acts on it, an admin path such as {@code /admin}, relative to the public base URL. */
    String alertPath();
}
