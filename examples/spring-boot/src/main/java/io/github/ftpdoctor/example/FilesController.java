package io.github.ftpdoctor.example;

import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.diagnosis.Category;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.PoolExhaustedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /files/{name}}: the file from the FTP server, streamed through a pooled session. A failure answers with
 * its diagnosis as JSON: 404 for a missing file, 503 when the server (or the pool) has no room, 502 otherwise.
 */
@RestController
public class FilesController {
    private final FtpClientPool pool;

    public FilesController(@Qualifier("exampleFtpClientPool") FtpClientPool pool) {
        this.pool = pool;
    }

    @GetMapping("/files/{name}")
    public ResponseEntity<StreamingResponseBody> file(@PathVariable String name) throws IOException {
        FtpClientPool.Lease lease = pool.borrow();
        InputStream in;
        try {
            in = lease.client().openRead(name); // a refused RETR (550) throws here, before any byte is sent
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        StreamingResponseBody body = out -> {
            try (lease; in) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(body);
    }

    @ExceptionHandler(FtpException.class)
    public ResponseEntity<Map<String, Object>> failed(FtpException e) {
        Diagnosis d = e.diagnosis();
        HttpStatus status = d.category() == Category.FILE ? HttpStatus.NOT_FOUND
                : d.category() == Category.CAPACITY ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", d.outcome().name());
        body.put("category", d.category().name().toLowerCase(Locale.ROOT));
        body.put("explanation", d.explanation(Locale.ENGLISH));
        body.put("advice", d.advice(Locale.ENGLISH));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(PoolExhaustedException.class)
    public ResponseEntity<Map<String, Object>> busy(PoolExhaustedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }
}
