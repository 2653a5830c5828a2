import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

public class NetDriver {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        String password = args[2];
        String action = args[3];
        FTPClient ftp = new FTPClient();
        ftp.addProtocolCommandListener(new PrintCommandListener(new PrintWriter(System.out), !"show".equals(System.getenv("LOGIN_SHOWN"))));
        ftp.setConnectTimeout(4000);
        ftp.setDefaultTimeout(4000);
        ftp.connect("127.0.0.1", port);
        if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
            ftp.disconnect();
            System.err.println("FTP server refused connection.");
            System.exit(1);
        }
        if (!ftp.login(user, password)) {
            String reply = ftp.getReplyString().trim();
            ftp.logout();
            System.err.println("Login failed: " + reply);
            System.exit(1);
        }
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        boolean ok = true;
        if (action.equals("get")) {
            try (OutputStream out = new FileOutputStream("/tmp/report.csv")) {
                ok = ftp.retrieveFile("report.csv", out);
            }
        } else if (action.equals("put")) {
            try (InputStream in = new FileInputStream("/work/capture/cert.pem")) {
                ok = ftp.storeFile("up.pem", in);
            }
        } else {
            ftp.listFiles();
        }
        if (!ok) {
            System.err.println("Transfer failed: " + ftp.getReplyString().trim());
        }
        ftp.logout();
        ftp.disconnect();
    }
}
