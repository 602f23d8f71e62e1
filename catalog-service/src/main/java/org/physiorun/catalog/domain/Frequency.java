package org.physiorun.catalog.domain;

/** How often a dose is done: {@code timesMin}-{@code timesMax} times per day or week. */
public enum Frequency {
    DAY, WEEK
}
