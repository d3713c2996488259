package dev.novaboot.compute.driver.qemu;

import java.io.IOException;

/**
 * QEMU refused a QMP command, or did not answer in time.
 */
public class QmpException extends IOException {

	public QmpException(String message) {
		super(message);
	}

}
