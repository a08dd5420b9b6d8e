package com.paystatus.maintenance;

import com.paystatus.channel.ChannelState;
import com.paystatus.channel.StateHold;
import com.paystatus.channel.StateHolds;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the channel feature which channels a maintenance window in progress holds in {@code maintenance}. */
@Component
class MaintenanceHolds implements StateHolds {

    private final MaintenanceRepository maintenances;

    MaintenanceHolds(MaintenanceRepository maintenances) {
        this.maintenances = maintenances;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StateHold> holdsAt(Instant now) {
        return maintenances.findUnfinished().stream()
                .filter(m -> m.status(now) == MaintenanceStatus.IN_PROGRESS)
                .flatMap(m -> m.getChannelIds().stream()
                        .map(c -> new StateHold(c, ChannelState.MAINTENANCE, StateHold.Source.MAINTENANCE, m.getId())))
                .toList();
    }
}
