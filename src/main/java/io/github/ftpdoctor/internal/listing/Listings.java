package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.data.Transfers;
import io.github.ftpdoctor.internal.protocol.ReplyDecoder;
import io.github.ftpdoctor.internal.protocol.Session;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/** Directory listings over a session: MLSD when the server offers MLST, LIST otherwise; NLST; MLST. */
public final class Listings {
    private final Session session;
    private final Transfers transfers;
    private final boolean autoDetect;

    public Listings(Session session, Transfers transfers, boolean autoDetect) {
        this.session = session;
        this.transfers = transfers;
        this.autoDetect = autoDetect;
    }

    private ReplyDecoder decoder() {
        Charset charset = session.channel().charset();
        return new ReplyDecoder(charset, autoDetect);
    }

    /** The entries of a directory (null: the current one); lines no parser understands come back UNPARSED. */
    public List<FtpEntry> list(String path, boolean mlsd) throws IOException {
        if (mlsd) {
            return ListingParser.parseMlsd(transfers.listLines("MLSD", path, decoder()));
        }
        return ListingParser.parseList(transfers.listLines("LIST", path, decoder()));
    }

    /** The server's LIST lines as sent, decoded. */
    public List<String> rawList(String path) throws IOException {
        return transfers.listLines("LIST", path, decoder());
    }

    /** NLST: names only. */
    public List<FtpEntry> names(String path) throws IOException {
        return ListingParser.parseNlst(transfers.listLines("NLST", path, decoder()));
    }

    /** MLST: one entry's facts over the control connection. */
    public Optional<FtpEntry> entry(String path) throws FtpException {
        Reply r = session.expect("MLST", path, c -> c == 250);
        return MlsxParser.parseMlstReply(r.lines());
    }
}
