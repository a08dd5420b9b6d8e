package com.paystatus.channel;

import java.util.List;

/**
 * What holds channels in a state besides the operator's own setting. The notice feature implements
 * it, so that channels can work out their effective state without depending on notices.
 */
public interface StateHolds {

    List<StateHold> openHolds();
}
