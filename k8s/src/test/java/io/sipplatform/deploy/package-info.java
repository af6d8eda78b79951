/**
 * Offline tests of the deployment: the Helm chart (helm/sip-platform) rendered in process by helm-java for every
 * mode, the kustomize base and overlays (k8s/), both parsed with the fabric8 model and validated against strict
 * Kubernetes JSON schemas, then checked rule by rule (probes, traffic policy, autoscaling, disruption budgets,
 * host networking, secrets, security context, drain timing, network policies, metric names). Not a cluster test:
 * nothing here talks to a Kubernetes API server.
 */
package io.sipplatform.deploy;
