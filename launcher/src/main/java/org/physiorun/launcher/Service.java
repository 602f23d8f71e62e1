package org.physiorun.launcher;

import java.util.Map;

/**
 * One application the launcher runs: its module directory (which is also its name), port, database
 * (null for none) and extra configuration. Adding a service to the local run is one entry in
 * {@link Launcher#SERVICES}.
 */
record Service(String name, int port, String database, Map<String, String> environment) {
}
