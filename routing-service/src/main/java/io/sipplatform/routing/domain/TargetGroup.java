package io.sipplatform.routing.domain;

import java.util.List;

/** Targets forked in parallel; the next group is tried when this one ends with an outcome its policy names. */
public record TargetGroup(List<Target> targets, FailoverPolicy failover) {
    public TargetGroup {
        targets = List.copyOf(targets);
    }
}
