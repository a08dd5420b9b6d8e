package com.paystatus.notice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeTemplateRepository extends JpaRepository<NoticeTemplate, Long> {

    Optional<NoticeTemplate> findByName(String name);

    List<NoticeTemplate> findAllByOrderByNameAsc();
}
