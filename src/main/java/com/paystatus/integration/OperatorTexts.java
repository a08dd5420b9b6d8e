package com.paystatus.integration;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words what this feature tells operators outside the admin pages (robots, webhooks) and what it
 * writes into notices it prefills, from the messages in Chinese, the operators' and the board's first
 * language.
 */
@Component
class OperatorTexts {

    private final MessageSource messages;

    OperatorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    IntegrationEvents.ProposalOpened opened(ProposalRecord proposal) {
        String title = proposal.proposesResolving()
                ? zh("operator.proposal.resolve", proposal.noticeId())
                : zh("operator.proposal.open", proposal.channel(), zh("channel.state." + proposal.state()));
        String text = proposal.summary() + (proposal.link() == null ? "" : "\n" + proposal.link());
        return new IntegrationEvents.ProposalOpened(proposal, title, text);
    }
}
