package com.paystatus.channel;

import java.time.Instant;
import java.util.List;

/**
 * What holds channels in a state besides the operator's own setting. The notice and maintenance
 * features implement it, so that channels can work out their effective state without depending on
 * either.
 */
public interface StateHolds {

    /** The holds in force at {@code now}. */
    List<StateHold> holdsAt(Instant now);
}
