package com.paystatus.subscription;

import com.paystatus.channel.ChannelService;
import com.paystatus.notice.NoticeService;
import com.paystatus.shared.InvalidInputException;
import com.paystatus.shared.InvalidInputException.Violation;
import com.paystatus.shared.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Email subscriptions: asked for (with no answer that tells whether the address was known), confirmed
 * by the link in one mail (valid 72 hours, at most one mail per address per ten minutes), ended by the
 * unsubscribe link, which deletes the address.
 */
@Service
public class SubscriptionService {

    static final Duration CONFIRMATION_VALID = Duration.ofHours(72);
    static final Duration ONE_MAIL_PER = Duration.ofMinutes(10);

    private final Subscribers subscribers;
    private final ChannelService channels;
    private final NoticeService notices;
    private final Mails mails;
    private final Clock clock;

    SubscriptionService(
            Subscribers subscribers, ChannelService channels, NoticeService notices, Mails mails, Clock clock) {
        this.subscribers = subscribers;
        this.channels = channels;
        this.notices = notices;
        this.mails = mails;
        this.clock = clock;
    }

    /** Whether email subscription is offered: only with SMTP configured. */
    public boolean emailOffered() {
        return mails.enabled();
    }

    /**
     * Records the request and sends the confirmation mail after commit, unless one went to this address
     * less than ten minutes ago; the caller answers the same either way.
     */
    @Transactional
    void subscribe(SubscribeRequest request) {
        if (!mails.enabled()) {
            throw new NotFoundException("error.subscriptionsOff");
        }
        String email = checked(request);
        String lang = "en".equals(request.lang()) ? "en" : "zh";
        Instant now = clock.instant();
        if (!subscribers.takeConfirmationSlot(Secrets.hash(email), now, now.minus(ONE_MAIL_PER))) {
            return;
        }
        String token = Secrets.token();
        subscribers.insert(
                "email",
                "public",
                email,
                null,
                lang,
                request.isOnce(),
                request.isOnce() ? request.notice() : null,
                token,
                now,
                null,
                null,
                request.isOnce() && request.notice() != null ? List.of() : request.channelsOrNone());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mails.sendConfirmationLater(email, lang, token, request.isOnce());
            }
        });
    }

    /** Confirms the subscription; empty when the link is unknown or ran out. */
    @Transactional
    Optional<String> confirm(String token) {
        Instant now = clock.instant();
        return subscribers
                .byToken(token)
                .filter(s -> s.confirmedAt() != null
                        || s.createdAt().plus(CONFIRMATION_VALID).isAfter(now))
                .map(s -> {
                    subscribers.confirm(s.id(), now);
                    return s.lang();
                });
    }

    /** Deletes the subscriber and its address; false when the link was unknown (already unsubscribed). */
    @Transactional
    boolean unsubscribe(String token) {
        return subscribers.byToken(token).map(s -> subscribers.delete(s.id())).orElse(false);
    }

    /** Whether the token names a subscriber, for the unsubscribe page. */
    @Transactional(readOnly = true)
    boolean known(String token) {
        return subscribers.byToken(token).isPresent();
    }

    private String checked(SubscribeRequest request) {
        List<Violation> violations = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().trim();
        if (email.isEmpty()) {
            violations.add(new Violation("email", "validation.required"));
        } else if (email.length() > SubscribeRequest.MAX_EMAIL || !validAddress(email)) {
            violations.add(new Violation("email", "validation.email"));
        }
        if (request.lang() != null && !List.of("zh", "en").contains(request.lang())) {
            violations.add(new Violation("lang", "validation.lang", request.lang()));
        }
        List<String> slugs = request.channelsOrNone();
        checkChannels(slugs, channels, violations);
        if (request.isOnce()) {
            if (request.notice() != null) {
                try {
                    notices.get(request.notice());
                } catch (NotFoundException e) {
                    violations.add(new Violation("notice", "error.noticeNotFound", request.notice()));
                }
            } else if (slugs.size() != 1) {
                violations.add(new Violation("channels", "validation.onceOneChannel"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private static boolean validAddress(String email) {
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            parsed.validate();
            return parsed.getPersonal() == null
                    && email.equals(parsed.getAddress())
                    && email.indexOf('@') > 0
                    && email.substring(email.indexOf('@')).contains(".")
                    && email.chars().allMatch(c -> c > 32 && c < 127);
        } catch (AddressException e) {
            return false;
        }
    }

    /** The channels a subscriber chose: at most {@link SubscribeRequest#MAX_CHANNELS}, each one that exists. */
    static void checkChannels(List<String> slugs, ChannelService channels, List<Violation> violations) {
        if (slugs.size() > SubscribeRequest.MAX_CHANNELS) {
            violations.add(new Violation("channels", "validation.tooMany", SubscribeRequest.MAX_CHANNELS));
        } else {
            var known = channels.idsOf(slugs);
            slugs.stream()
                    .filter(s -> s == null || !known.containsKey(s))
                    .forEach(s ->
                            violations.add(new Violation("channels", "validation.unknownChannel", s == null ? "" : s)));
        }
    }
}
