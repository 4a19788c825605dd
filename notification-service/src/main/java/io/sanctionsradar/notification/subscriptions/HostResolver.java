package io.sanctionsradar.notification.subscriptions;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses; asked once per check, so what is checked is what is connected to. */
@FunctionalInterface
public interface HostResolver {

    /** The system's resolver (DNS, hosts file); an address literal comes back as itself. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
