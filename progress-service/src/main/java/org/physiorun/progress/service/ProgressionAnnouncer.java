package org.physiorun.progress.service;

import org.physiorun.outbox.CloudEvent;
import org.physiorun.progress.events.ProgressionEventData;

/** Tells physiotherapists and clinic systems about a decision. Called in the decision's transaction. */
public interface ProgressionAnnouncer {

    void announce(CloudEvent<ProgressionEventData> event);
}
