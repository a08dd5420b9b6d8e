package com.paystatus.channel;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelGroupRepository extends JpaRepository<ChannelGroup, Long> {

    Optional<ChannelGroup> findByNameZh(String nameZh);

    @Query("select coalesce(max(g.displayOrder), 0) from ChannelGroup g")
    int maxDisplayOrder();
}
