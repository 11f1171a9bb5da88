package meshplay.engine.connect.ssh;

import java.io.IOException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatPathExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Names the cause of a failed SFTP write. OpenSSH's sftp-server (SFTP v3) reports most errors, a full
 * disk among them, as the bare SSH_FX_FAILURE "Failure"; the status codes that say more are named
 * as such, and a bare failure is followed by a look at the file system (statvfs@openssh.com) to tell
 * a full disk or a lack of inodes from other causes.
 */
final class SftpCause {
    private SftpCause() {
    }

    /** A new exception with the same status and a message that names the cause, for writing {@code needed} bytes into {@code dir}. */
    static SftpException explain(SftpClient sftp, SftpException e, String dir, long needed) {
        String cause = switch (e.getStatus()) {
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> "permission denied";
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM -> "no space left on device";
            case SftpConstants.SSH_FX_QUOTA_EXCEEDED -> "disk quota exceeded";
            case SftpConstants.SSH_FX_WRITE_PROTECT -> "read-only file system";
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH -> "no such file or directory";
            case SftpConstants.SSH_FX_FAILURE -> fileSystemState(sftp, dir, needed);
            default -> null;
        };
        if (cause == null) return e;
        SftpException named = new SftpException(e.getStatus(), cause + " (SFTP status: " + e.getMessage() + ")");
        named.initCause(e);
        return named;
    }

    /** What the file system of {@code dir} says about a failed write, or null when it says nothing useful. */
    private static String fileSystemState(SftpClient sftp, String dir, long needed) {
        OpenSSHStatPathExtension statvfs = sftp.getExtension(OpenSSHStatPathExtension.class);
        if (statvfs == null || !statvfs.isSupported()) return null;
        try {
            OpenSSHStatExtensionInfo fs = statvfs.stat(dir);
            long free = fs.f_bavail * fs.f_frsize;
            if ((fs.f_flag & OpenSSHStatExtensionInfo.SSH_FXE_STATVFS_ST_RDONLY) != 0) return "read-only file system";
            if (free < Math.max(needed, fs.f_frsize)) return "no space left on device (" + free + " bytes free in " + dir + ", " + needed + " needed)";
            if (fs.f_favail == 0 && fs.f_files > 0) return "no free inodes on the file system of " + dir;
            return null;
        } catch (IOException | RuntimeException ignored) {
            return null;
        }
    }
}
