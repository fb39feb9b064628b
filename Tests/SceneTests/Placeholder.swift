// placeholder until the first real test lands; removed then.
