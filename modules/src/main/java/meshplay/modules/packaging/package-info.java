/**
 * Modules for Debian packages and APT sources (package, apt_repository, deb822_repository, apt_key,
 * debconf), archives (unarchive) and the facts about installed packages and services.
 */
package meshplay.modules.packaging;
