package com.paystatus.integration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReceivedAlertRepository extends JpaRepository<ReceivedAlert, Long> {

    Optional<ReceivedAlert> findBySourceAndFingerprint(String source, String fingerprint);

    List<ReceivedAlert> findBySourceAndFingerprintIn(String source, Collection<String> fingerprints);

    List<ReceivedAlert> findByProposalId(Long proposalId);

    List<ReceivedAlert> findByNoticeId(Long noticeId);

    List<ReceivedAlert> findTop200ByChannelSlugIsNullOrderByChangedAtDesc();

    long countByProposalId(Long proposalId);

    long countByProposalIdAndStatus(Long proposalId, String status);

    long countByNoticeIdAndStatus(Long noticeId, String status);
}
