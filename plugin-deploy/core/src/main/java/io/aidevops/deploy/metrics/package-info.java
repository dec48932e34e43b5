/**
 * Metric providers: baseline and canary samples for the judge, from Prometheus' HTTP API or by scraping the pods
 * themselves. A provider reports missing data as {@link io.aidevops.deploy.metrics.MetricFetch.NoData}, never as an
 * empty result.
 */
package io.aidevops.deploy.metrics;
