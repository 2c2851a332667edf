print("kioku")
