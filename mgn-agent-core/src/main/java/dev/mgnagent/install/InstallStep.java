package dev.mgnagent.install;

/** The steps of an {@code AgentInstallation}, in the order they run. */
public enum InstallStep {
  /** Check every value given before anything is contacted or started. */
  VALIDATE,
  /** Check the server against MGN's installation requirements. */
  PREFLIGHT,
  /** Make sure MGN is initialized in the region. */
  SERVICE,
  /** Download the installer and check its SHA-512. */
  VERIFY_INSTALLER,
  /** Decide which credentials the installer gets. */
  CREDENTIALS,
  /** Inventory the disks and apply the selection rules. */
  SELECT_DISKS,
  /** Run the installer and get the source server ID. */
  INSTALL,
  /** Follow the initial sync. */
  WATCH
}
