package io.sipplatform.routing.domain;

/** Whether a destination prefix rule lets calls through or stops them. */
public enum RuleAction {
    ALLOW, BLOCK
}
