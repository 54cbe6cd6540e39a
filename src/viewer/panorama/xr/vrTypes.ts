/**
 * What the page hands the viewer for a VR session: the session itself (requested by the page on
 * a button press, as browsers require), words already in the visitor's language, and where to say
 * that the session is over. The viewer knows no store, router or i18n here either.
 */
export interface ViewerVrPanel {
  title: string;
  paragraphs: readonly string[];
  /** The BCP 47 tag of the text. */
  lang: string;
}

export interface ViewerVr {
  session: XRSession;
  /** The texts of the info hotspots, by hotspot id. */
  panels: Readonly<Record<string, ViewerVrPanel>>;
  labels: {
    /** The in-VR target that ends the session ("Exit VR"). */
    exit: string;
    /** Closes the open panel. */
    close: string;
  };
  /**
   * The session has ended (by the headset, the exit target or the page): `look` is where the
   * headset was looking last, or null if it never showed a frame.
   */
  onEnded(look: { yaw: number; pitch: number } | null): void;
}
