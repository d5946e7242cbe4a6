package dev.mgnagent.install;

/** The steps of an {@code AgentInstallation}, in the order they run (the seed's steps 1 to 7). */
public enum InstallStep {
  /** Check every value given before anything is contacted or started. */
  VALIDATE,
  /** Check the server against MGN's installation requirements. */
  PREFLIGHT,
  /** Seed step 1: make sure MGN is initialized in the region. */
  SERVICE,
  /** Seed step 2: download the installer and check its SHA-512. */
  VERIFY_INSTALLER,
  /** Seed steps 3-4: decide which credentials the installer gets. */
  CREDENTIALS,
  /** Seed step 5: inventory the disks and apply the selection rules. */
  SELECT_DISKS,
  /** Seed step 6: run the installer and get the source server ID. */
  INSTALL,
  /** Seed step 7: follow the initial sync. */
  WATCH
}
