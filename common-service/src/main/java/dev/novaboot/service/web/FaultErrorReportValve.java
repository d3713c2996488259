package dev.novaboot.service.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on an error that never reached the application (a request line it
 * could not decode, a path it refused): the API's fault body instead of Tomcat's HTML page,
 * which OpenStack clients cannot read. Only the status is kept; Tomcat's own text is not
 * shown.
 */
public class FaultErrorReportValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(FaultErrorReportValve.class);

	private final ApiFaults faults;

	public FaultErrorReportValve(ApiFaults faults) {
		this.faults = faults;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		try {
			String json = new String(this.faults.json(request, status, null), StandardCharsets.UTF_8);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not write the fault body of a " + code + " answer", ex);
		}
	}

}
