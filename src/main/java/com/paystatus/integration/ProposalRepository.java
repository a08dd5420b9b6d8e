package com.paystatus.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProposalRepository extends JpaRepository<Proposal, Long> {

    List<Proposal> findByStatusOrderByIdDesc(String status);

    List<Proposal> findTop100ByOrderByIdDesc();

    Optional<Proposal> findFirstByStatusAndActionAndChannelSlugOrderByIdDesc(
            String status, String action, String channelSlug);

    Optional<Proposal> findFirstByStatusAndActionAndNoticeId(String status, String action, Long noticeId);
}
