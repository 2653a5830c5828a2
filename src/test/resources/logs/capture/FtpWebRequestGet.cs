using System;
using System.IO;
using System.Net;

class Upload {
    static void Main(string[] args) {
        // args: url user password [local file to upload | -get]
        var request = (FtpWebRequest) WebRequest.Create(args[0]);
        request.Credentials = new NetworkCredential(args[1], args[2]);
        request.UsePassive = true;
        if (args.Length > 3 && args[3] != "-get") {
            request.Method = WebRequestMethods.Ftp.UploadFile;
            byte[] data = File.ReadAllBytes(args[3]);
            using (Stream s = request.GetRequestStream()) { s.Write(data, 0, data.Length); }
        } else {
            request.Method = WebRequestMethods.Ftp.DownloadFile;
        }
        using (var response = (FtpWebResponse) request.GetResponse()) {
            Console.WriteLine("Done: " + response.StatusDescription);
        }
    }
}
