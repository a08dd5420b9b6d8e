package com.paystatus.integration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleRepository extends JpaRepository<Rule, Long> {

    List<Rule> findAllByOrderByIdAsc();
}
